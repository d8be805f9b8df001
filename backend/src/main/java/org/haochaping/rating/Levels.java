package org.haochaping.rating;

/** The five 好差评 levels: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. */
public final class Levels {

    public static final int MIN = 1;
    public static final int MAX = 5;

    private Levels() {
    }

    public static boolean isValid(int level) {
        return level >= MIN && level <= MAX;
    }

    /** 差评: levels 1 and 2. */
    public static boolean isBad(int level) {
        return level <= 2;
    }

    /** 好评 as provinces publish it: 基本满意 or better, levels 3 to 5. */
    public static boolean isGood(int level) {
        return level >= 3;
    }

    /** A level on the 0-100 satisfaction index: (level − 1) / 4 × 100. */
    public static double indexPoints(int level) {
        return (level - 1) * 25.0;
    }
}
