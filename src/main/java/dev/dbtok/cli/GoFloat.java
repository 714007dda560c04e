package dev.dbtok.cli;

import java.math.BigDecimal;

/** Go's {@code %g} for a float64 (shortest digits; exponent form below 1e-4 or from 1e6). */
final class GoFloat {
    private GoFloat() {
    }

    static String formatG(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (exact.signum() == 0) {
            return "0";
        }
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String sign = exact.signum() < 0 ? "-" : "";
            String expSign = exponent < 0 ? "-" : "+";
            int absExp = Math.abs(exponent);
            return sign + mantissa + "e" + expSign + (absExp < 10 ? "0" : "") + absExp;
        }
        return exact.toPlainString();
    }
}
