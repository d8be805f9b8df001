@NullMarked
package org.haochaping.admin.campaign.ui;

import org.jspecify.annotations.NullMarked;
