@NullMarked
package org.haochaping.admin.audit.ui;

import org.jspecify.annotations.NullMarked;
