package org.haochaping.badreview;

/**
 * Who is told that a case is late or contested: nobody beyond the unit, the lead department's
 * MANAGER (an overdue case, or 督办 after a second 不满意), then a SUPERVISOR.
 */
public enum Escalation { NONE, MANAGER, SUPERVISOR }
