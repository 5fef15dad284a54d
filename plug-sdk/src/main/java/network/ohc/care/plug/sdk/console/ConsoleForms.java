package network.ohc.care.plug.sdk.console;

/**
 * CSRF protection for the forms of a plug's console pages. Put {@link #hiddenField()} in every form and call
 * {@link #check(String)} with the posted {@value #FIELD} field first thing in every POST; a mismatch ends the request
 * with 403.
 */
public interface ConsoleForms {
    String FIELD = "_csrf";

    /** {@code <input type="hidden" name="_csrf" value="...">} for this session. */
    String hiddenField();

    void check(String submitted);
}
