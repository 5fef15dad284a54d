package network.ohc.care.plug.sdk.console;

/**
 * A page of a plug in the console. Return it from a JAX-RS method of the plug at {@code /console/plugs/<plug>/...}
 * (annotate the class {@code @Authenticated} and check roles with {@code PlugRuntime}, as in the plug's API); core
 * wraps {@code html} (a fragment, escaped as for {@link FacilityPanel}) in the console's layout and navigation.
 */
public record ConsolePage(String title, String html) {
}
