package network.ohc.care.plugs.manager;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Credentials written into a source or repository URL would be copied to plugs.lock (committed), into the image,
 * and shown by {@code GET /api/v1/plugs}. They are refused; git and Maven each have a place for them.
 */
final class UrlCredentials {
    static final String GIT_HINT = "remove them and let git supply them (a credential helper: git config --global "
            + "credential.helper, or an SSH key with git+ssh://)";
    static final String MAVEN_HINT = "remove them and put them in a <server> with the repository's id in ~/.m2/settings.xml";

    private UrlCredentials() {
    }

    /**
     * True when {@code url} carries a secret: any user part on http(s) (a token is often passed as the user name),
     * a password on ssh ({@code git@host} alone is the usual, secret-free ssh login).
     */
    static boolean present(String url) {
        String userInfo;
        try {
            userInfo = new URI(url).getRawUserInfo();
        } catch (URISyntaxException e) {
            // Not a URI: look for "scheme://user@" by hand so a malformed URL with a secret is still caught.
            int scheme = url.indexOf("://");
            int at = url.indexOf('@');
            int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
            userInfo = scheme >= 0 && at > scheme && (slash < 0 || at < slash) ? url.substring(scheme + 3, at) : null;
        }
        if (userInfo == null || userInfo.isEmpty()) {
            return false;
        }
        return !url.startsWith("ssh://") || userInfo.contains(":");
    }

    /** {@code url} with its user part replaced, for messages: the secret itself is never printed. */
    static String redacted(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@');
        return scheme >= 0 && at > scheme ? url.substring(0, scheme + 3) + "***@" + url.substring(at + 1) : url;
    }
}
