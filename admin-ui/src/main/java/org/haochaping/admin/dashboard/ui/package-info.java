@NullMarked
package org.haochaping.admin.dashboard.ui;

import org.jspecify.annotations.NullMarked;
