package network.ohc.care.core.audit;

/** How an access to patient data ended. */
public enum Outcome {
    SUCCESS, DENIED, NOT_FOUND, CONFLICT, REJECTED, ERROR;

    public static Outcome ofStatus(int status) {
        if (status < 400) {
            return SUCCESS;
        }
        return switch (status) {
            case 401, 403 -> DENIED;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            default -> status >= 500 ? ERROR : REJECTED;
        };
    }
}
