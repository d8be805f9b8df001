@NullMarked
package org.haochaping.campaign.web;

import org.jspecify.annotations.NullMarked;
