package org.haochaping.badreview;

/** A step an official may take on a case (see {@link BadReviewHandling#actionsFor}). */
public enum CaseAction { CONTACT, DISPOSE, RECTIFY, REASSIGN, APPEAL, DECIDE_APPEAL }
