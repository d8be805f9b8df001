package org.haochaping.badreview;

/** Grounds for 申诉复核: a malicious or mistaken rating, a matter outside public services, an unlawful demand. */
public enum AppealReason { MALICIOUS, MISTAKEN, OUTSIDE_SERVICE_SCOPE, UNLAWFUL_DEMAND }
