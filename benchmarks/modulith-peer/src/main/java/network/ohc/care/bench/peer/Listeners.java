package network.ohc.care.bench.peer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Up to ten listeners, as many as bench.subscribers asks for. */
final class Listeners {
    private Listeners() {
    }

    @Component
    @ConditionalOnExpression("${bench.subscribers:1} > 0")
    static class L0 {
        @ApplicationModuleListener
        void on(PeerApp.FacilityUpdated e) {
            PeerApp.handled(e);
        }
    }

    @Component
    @ConditionalOnExpression("${bench.subscribers:1} > 1")
    static class L1 {
        @ApplicationModuleListener
        void on(PeerApp.FacilityUpdated e) {
            PeerApp.handled(e);
        }
    }

    @Component
    @ConditionalOnExpression("${bench.subscribers:1} > 2")
    static class L2 {
        @ApplicationModuleListener
        void on(PeerApp.FacilityUpdated e) {
            PeerApp.handled(e);
        }
    }

    @Component
    @ConditionalOnExpression("${bench.subscribers:1} > 3")
    static class L3 {
        @ApplicationModuleListener
        void on(PeerApp.FacilityUpdated e) {
            PeerApp.handled(e);
        }
    }

    @Component
    @ConditionalOnExpression("${bench.subscribers:1} > 4")
    static class L4 {
        @ApplicationModuleListener
        void on(PeerApp.FacilityUpdated e) {
            PeerApp.handled(e);
        }
    }

    @Component
    @ConditionalOnExpression("${bench.subscribers:1} > 5")
    static class L5 {
        @ApplicationModuleListener
        void on(PeerApp.FacilityUpdated e) {
            PeerApp.handled(e);
        }
    }

    @Component
    @ConditionalOnExpression("${bench.subscribers:1} > 6")
    static class L6 {
        @ApplicationModuleListener
        void on(PeerApp.FacilityUpdated e) {
            PeerApp.handled(e);
        }
    }

    @Component
    @ConditionalOnExpression("${bench.subscribers:1} > 7")
    static class L7 {
        @ApplicationModuleListener
        void on(PeerApp.FacilityUpdated e) {
            PeerApp.handled(e);
        }
    }

    @Component
    @ConditionalOnExpression("${bench.subscribers:1} > 8")
    static class L8 {
        @ApplicationModuleListener
        void on(PeerApp.FacilityUpdated e) {
            PeerApp.handled(e);
        }
    }

    @Component
    @ConditionalOnExpression("${bench.subscribers:1} > 9")
    static class L9 {
        @ApplicationModuleListener
        void on(PeerApp.FacilityUpdated e) {
            PeerApp.handled(e);
        }
    }
}
