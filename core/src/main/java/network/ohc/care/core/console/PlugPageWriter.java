package network.ohc.care.core.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import network.ohc.care.plug.sdk.console.ConsolePage;

/** Wraps a plug's {@link ConsolePage} in the console's layout, navigation and sign-out form. */
@Provider
@Produces(MediaType.TEXT_HTML)
public class PlugPageWriter implements MessageBodyWriter<ConsolePage> {
    @Inject
    @Location("console/plug-page")
    Template page;
    @Inject
    ConsoleChrome chrome;
    @Inject
    CurrentVertxRequest request;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ConsolePage.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(ConsolePage p, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
        String html = page.data("chrome", chrome.of(null, request.getCurrent().normalizedPath())).data("title", p.title())
                .data("body", new RawString(p.html() == null ? "" : p.html())).render();
        headers.putSingle("Content-Type", MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        out.write(html.getBytes(StandardCharsets.UTF_8));
    }
}
