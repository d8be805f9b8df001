package org.haochaping.badreview;

/** How the unit reached the resident for 回访核实. */
public enum ContactMethod { PHONE, VISIT, SMS }
