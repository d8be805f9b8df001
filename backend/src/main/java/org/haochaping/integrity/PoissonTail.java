package org.haochaping.integrity;

/**
 * P(X ≥ k) for X ~ Poisson(λ): how likely at least k ratings in a window are when the subject's own
 * recent rate expects λ. Summed in log space from k upwards, so tiny tails stay exact instead of
 * vanishing in 1 − (something close to 1).
 */
final class PoissonTail {

    private PoissonTail() {
    }

    static double atLeast(int k, double lambda) {
        if (k <= 0) {
            return 1;
        }
        if (lambda <= 0) {
            return 0;
        }
        double logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
        double sum = 0;
        for (int i = k; ; i++) { // terms shrink past λ, so this ends
            double term = Math.exp(logTerm);
            sum += term;
            if (i > lambda && term < sum * 1e-15) {
                break;
            }
            logTerm += Math.log(lambda) - Math.log(i + 1);
        }
        return Math.min(1, sum);
    }

    private static double logFactorial(int n) {
        double sum = 0;
        for (int i = 2; i <= n; i++) {
            sum += Math.log(i);
        }
        return sum;
    }
}
