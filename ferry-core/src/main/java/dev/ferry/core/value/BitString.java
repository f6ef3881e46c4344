package dev.ferry.core.value;

/** A bit string as a sequence of '0' and '1' characters, most significant bit first. */
public record BitString(String bits) {
    public BitString {
        for (int i = 0; i < bits.length(); i++) {
            char c = bits.charAt(i);
            if (c != '0' && c != '1') {
                throw new IllegalArgumentException("not a bit string: " + bits);
            }
        }
    }
}
