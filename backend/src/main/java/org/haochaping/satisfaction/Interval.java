package org.haochaping.satisfaction;

/**
 * A 95% Wilson score interval for a share, in percent: honest for small samples and for shares
 * near 0 or 100%, where the normal approximation is not.
 */
public record Interval(double low, double high) {

    private static final double Z = 1.959963984540054;

    public static Interval wilson(long successes, long total) {
        if (total == 0) {
            return new Interval(0, 100);
        }
        double n = total;
        double p = successes / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new Interval(100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half));
    }

    public boolean contains(double percent) {
        return percent >= low && percent <= high;
    }
}
