@NullMarked
package org.haochaping.admin.base.ui;

import org.jspecify.annotations.NullMarked;
