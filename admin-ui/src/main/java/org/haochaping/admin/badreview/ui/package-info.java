/**
 * The console's part of closing the loop on every 差评: the 差评工单 queue, a case's page with the
 * actions the official's role allows, the 申诉复核 queue and the officials' bell. Labels come from
 * the backend's messages ({@link org.haochaping.admin.badreview.ui.CaseLabels}).
 */
@NullMarked
package org.haochaping.admin.badreview.ui;

import org.jspecify.annotations.NullMarked;
