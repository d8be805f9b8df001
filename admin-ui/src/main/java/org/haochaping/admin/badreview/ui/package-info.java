/**
 * The console's bad-review screens: the 差评工单 queue, a case's page with the actions the
 * official's role allows, the 申诉复核 queue, the officials' bell, and the holiday calendar the
 * deadlines are counted on. Labels come from the backend's messages ({@link CaseLabels}).
 */
@NullMarked
package org.haochaping.admin.badreview.ui;

import org.jspecify.annotations.NullMarked;
