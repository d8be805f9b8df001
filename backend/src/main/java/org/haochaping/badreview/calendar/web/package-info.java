/** The officials' REST endpoints of the holiday calendar. */
@NullMarked
package org.haochaping.badreview.calendar.web;

import org.jspecify.annotations.NullMarked;
