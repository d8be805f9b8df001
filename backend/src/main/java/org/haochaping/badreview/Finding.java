package org.haochaping.badreview;

/** What 回访核实 found: 属实, 部分属实, 不属实. */
public enum Finding { CONFIRMED, PARTLY_CONFIRMED, NOT_CONFIRMED }
