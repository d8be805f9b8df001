package org.haochaping.rating;

/** Where a rating was given. */
public enum Channel {
    APP, WEB, SMS, HOTLINE_12345, ON_SITE_DEVICE, QR_CODE
}
