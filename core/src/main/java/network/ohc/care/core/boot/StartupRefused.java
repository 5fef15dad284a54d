package network.ohc.care.core.boot;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Care cannot start for a reason the operator fixes in the configuration (a data folder it cannot enter, a
 * setting with a wrong value). {@link CareMain} prints the message as one line and exits with {@link #EXIT_CODE},
 * without a stack trace: the message is the whole story.
 */
public final class StartupRefused extends Exception {
    /** EX_CONFIG of sysexits.h, so a supervisor can tell "fix the configuration" from a crash. */
    public static final int EXIT_CODE = 78;

    public StartupRefused(String message) {
        super(message, null, false, false);
    }

    /** One line for a file-system failure: what was tried on which path, and what to change. */
    static StartupRefused of(String doing, Exception e, String hint) {
        String reason;
        if (e instanceof AccessDeniedException a) {
            reason = "permission denied on " + a.getFile();
        } else if (e instanceof NoSuchFileException n) {
            reason = n.getFile() + " does not exist";
        } else if (e instanceof NotDirectoryException n) {
            reason = n.getFile() + " is not a folder";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getFile() + ": " + f.getReason();
        } else {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            reason = m.lines().findFirst().orElse(m).strip();
        }
        return new StartupRefused(doing + ": " + reason + (hint == null ? "" : " (" + hint + ")"));
    }
}
