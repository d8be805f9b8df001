/**
 * 办件登记: the completed cases (办件) of 一事一评 campaigns, registered by the service system, so
 * that each case can be rated by its applicant alone (case ownership).
 */
@NullMarked
package org.haochaping.servicecase;

import org.jspecify.annotations.NullMarked;
