package org.haochaping.badreview;

/** 立行立改 (fix at once), 限期整改 (fix by a date, with a plan), 解释说明 (explain). */
public enum DispositionKind { IMMEDIATE, SCHEDULED, EXPLANATION }
