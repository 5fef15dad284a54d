package network.ohc.care.plugs.manager;

/**
 * The {@code ${NAME}} and {@code ${NAME:default}} references that Quarkus resolves from the environment when the
 * app starts. An unclosed or empty one would only fail there, in a hospital, long after the build: it is caught here.
 */
final class Expressions {
    private Expressions() {
    }

    /** Why {@code value} holds a broken reference, or null when every {@code ${} is closed and names something. */
    static String error(String value) {
        int i = value.indexOf("${");
        while (i >= 0) {
            int depth = 0;
            int end = -1;
            for (int j = i; j < value.length(); j++) {
                if (value.startsWith("${", j)) {
                    depth++;
                    j++;
                } else if (value.charAt(j) == '}' && --depth == 0) {
                    end = j;
                    break;
                }
            }
            if (end < 0) {
                return "unclosed '${' at character " + (i + 1) + " of the value: write ${NAME} or ${NAME:default}";
            }
            String inner = value.substring(i + 2, end);
            if (inner.isBlank() || inner.startsWith(":")) {
                return "'${" + inner + "}' names no variable: write ${NAME} or ${NAME:default}";
            }
            i = value.indexOf("${", end + 1);
        }
        return null;
    }
}
