package org.haochaping.satisfaction;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The latest figure officials reported for an outcome goal (e.g. 6,200 of 9,400 households), as of a day. */
public record ProgressReport(BigDecimal value, LocalDate asOf) {
}
