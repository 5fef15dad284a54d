package network.ohc.care.core.signal;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The correlation id of the current request: the caller's {@code X-Correlation-Id}, or a new one. */
@RequestScoped
public class Correlation {
    private String id;

    public String id() {
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        return id;
    }

    void set(String value) {
        this.id = value;
    }
}
