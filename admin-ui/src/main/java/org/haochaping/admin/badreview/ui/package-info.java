/** The console's bad-review screens: the holiday calendar deadlines are counted on. */
@NullMarked
package org.haochaping.admin.badreview.ui;

import org.jspecify.annotations.NullMarked;
