/** 异常评价: the manipulation signals and their review. */
@NullMarked
package org.haochaping.admin.integrity.ui;

import org.jspecify.annotations.NullMarked;
