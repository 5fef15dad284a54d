package network.ohc.care.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RequestTargetTest {
    @Test
    void validTargetsPass() {
        assertNull(RequestTarget.invalidField("/api/v1/patients"));
        assertNull(RequestTarget.invalidField("/api/v1/patients/%41b?name=J%C3%B6rg&x=&y&page=0"));
        assertNull(RequestTarget.invalidField("/a/b;c=d/@e:f?q=a/b?c:d@e!$'()*+,;="));
        assertNull(RequestTarget.invalidField("http://host:8080/api/v1?x=1"));
    }

    @Test
    void namesThePathOrTheParameter() {
        assertEquals("path", RequestTarget.invalidField("/api/v1/patients/%ZZ"));
        assertEquals("path", RequestTarget.invalidField("/api/v1/patients/%"));
        assertEquals("path", RequestTarget.invalidField("/api/v1/patients/%4"));
        assertEquals("path", RequestTarget.invalidField("/api/v1/pa\"tients"));
        assertEquals("path", RequestTarget.invalidField("/api/v1/p\u00e4tients"));
        assertEquals("name", RequestTarget.invalidField("/api/v1/patients?page=0&name=%ZZ"));
        assertEquals("name", RequestTarget.invalidField("/api/v1/patients?name=a%"));
        assertEquals("name", RequestTarget.invalidField("/api/v1/patients?name=a b"));
        assertEquals("name", RequestTarget.invalidField("/api/v1/patients?name=<x>"));
        assertEquals("query", RequestTarget.invalidField("/api/v1/patients?na%Zme=x"));
        assertEquals("query", RequestTarget.invalidField("/api/v1/patients?na\"me=x"));
    }
}
