package org.dyadkit.reliability;

import java.util.LinkedHashMap;
import java.util.Map;

/** The SCS-26 subscale key used to simulate the 26-item golden data. */
final class Scs {
    static final Map<String, int[]> SUBSCALES = new LinkedHashMap<>();

    static {
        SUBSCALES.put("self_kindness", new int[] {5, 12, 19, 23, 26});
        SUBSCALES.put("self_judgment", new int[] {1, 8, 11, 16, 21});
        SUBSCALES.put("common_humanity", new int[] {3, 7, 10, 15});
        SUBSCALES.put("isolation", new int[] {4, 13, 18, 25});
        SUBSCALES.put("mindfulness", new int[] {9, 14, 17, 22});
        SUBSCALES.put("over_identification", new int[] {2, 6, 20, 24});
    }

    private Scs() {
    }
}
