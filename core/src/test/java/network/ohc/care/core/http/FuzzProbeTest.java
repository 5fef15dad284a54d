package network.ohc.care.core.http;

import static io.restassured.RestAssured.given;
import static network.ohc.care.core.TestApi.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 3b: malformed requests generated (fixed seed) over every operation of the OpenAPI document, sent as
 * the superuser so they get past authentication: none may answer 5xx, and every 4xx is problem+json (an invalid
 * percent-encoding in the target included).
 * Sign-in is left out (failures would feed the sign-in throttle of the whole test run; HostileInputTest covers it),
 * and so are replays and dead-letter discards (they would move other tests' subscribers).
 */
@QuarkusTest
class FuzzProbeTest {
    private static final long SEED = 11;
    private static final String[] WRONG_TYPES = {"123", "-1", "true", "[]", "{}", "\"text\"", "null", "[1,2]", "{\"a\":1}", "1.5"};
    private static final String[] BAD_STRINGS = {"\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udfff\"", "\"\\u0000\"", "\"" + "x".repeat(5000) + "\""};
    private static final String[] BIG_NUMBERS = {"1e400", "-1e400", "9223372036854775808", "99999999999999999999999999", "2147483648",
            "-2147483649", "1e-400", "0.00000000000000000000000000001"};
    private static final String[] BAD_QUERY = {"%00", "a%00b", "%ED%A0%80", "99999999999999999999", "-2147483649", "2147483647", "1e400",
            "NaN", "%C3", "%FF%FE", "true%00", "'%20OR%201=1--", "%2e%2e%2f", "-0"};
    private static final String[] BAD_SEGMENTS = {"123", "not-a-uuid", "%00", "%ED%A0%80", "%C3%28", "00000000-0000-0000-0000-00000000000g",
            "%2e%2e", "..%2F..%2Fetc", "1e400", "%F0%9F%98%80"};
    private static final String[] BAD_HEADERS = {"Accept: image/png\r\n", "Accept: ;;;\r\n", "Accept-Charset: ebcdic\r\n",
            "X-Forwarded-For: \u00ff\u00fe, ::::\r\n", "Forwarded: for=\"[::1\r\n", "Accept-Language: \u00ff\r\n",
            "If-Modified-Since: yesterday\r\n", "Cookie: care_session=%ZZ\r\n", "Range: bytes=99999999999999999999-\r\n",
            "X-Request-Id: " + "r".repeat(3000) + "\r\n"};
    private static final String[] DECODER_SEGMENTS = {"%ZZ", "%", "%4", "a%G1"};

    record Op(String method, String path, List<String> query, Map<String, String> body) {
    }

    record Req(String category, String what, byte[] bytes) {
    }

    @Test
    void malformedRequestsNeverGetA5xxAndEvery4xxIsAProblem() {
        int port = RestAssured.port;
        String token = admin();
        Random rnd = new Random(SEED);
        List<Req> requests = new ArrayList<>();
        for (Op op : operations()) {
            generate(op, token, rnd, requests);
        }
        Map<String, int[]> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Req r : requests) {
            RawHttp.Answer a = RawHttp.send(port, r.bytes());
            int[] c = counts.computeIfAbsent(r.category(), k -> new int[3]);
            c[0]++;
            if (a.status() >= 500 || a.status() == 0) {
                c[1]++;
                failures.add(r.category() + " " + r.what() + ": " + a);
            } else if (a.status() >= 400 && !a.isProblem()) {
                c[2]++;
                failures.add(r.category() + " " + r.what() + ": not problem+json: " + a);
            }
        }
        System.out.println("Fuzz probe (seed " + SEED + "): " + requests.size() + " requests");
        counts.forEach((k, c) -> System.out.printf("  %-18s %5d sent, %d × 5xx, %d × 4xx without problem+json%n", k, c[0], c[1], c[2]));
        if (requests.size() < 2000) {
            failures.add("only " + requests.size() + " requests generated");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " fuzz failure(s):\n" + String.join("\n", failures.subList(0, Math.min(60,
                    failures.size()))));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Op> operations() {
        Map<String, Object> doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().as(Map.class);
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>) ((Map<String, Object>) doc.get("components"))
                .get("schemas");
        List<Op> ops = new ArrayList<>();
        ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, methods) -> methods.forEach((method, o) -> {
            if (!(o instanceof Map<?, ?> raw) || !path.startsWith("/api/") || path.endsWith("/auth/login")
                    || path.endsWith("/replay") || path.endsWith("/discard")) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) raw;
            List<String> query = new ArrayList<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                if ("query".equals(p.get("in"))) {
                    query.add((String) p.get("name"));
                }
            }
            Map<String, String> body = new TreeMap<>();
            Object rb = operation.get("requestBody");
            if (rb instanceof Map<?, ?> requestBody) {
                Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
                Map<String, Object> json = content == null ? null : (Map<String, Object>) content.get("application/json");
                Map<String, Object> schema = json == null ? Map.of() : (Map<String, Object>) json.get("schema");
                if (schema != null && schema.get("$ref") instanceof String ref) {
                    schema = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                }
                Map<String, Map<String, Object>> props = schema == null ? null : (Map<String, Map<String, Object>>) schema.get("properties");
                if (props != null) {
                    props.forEach((name, s) -> body.put(name, String.valueOf(s.getOrDefault("type", "object"))));
                } else {
                    body.put("value", "string");
                }
            }
            ops.add(new Op(method.toUpperCase(), path, query, body.isEmpty() && rb == null ? null : body));
        }));
        return ops;
    }

    private static void generate(Op op, String token, Random rnd, List<Req> out) {
        String path = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        // Bad path segments, and invalid percent-encodings (refused by the decoder).
        if (op.path().contains("{")) {
            for (String seg : BAD_SEGMENTS) {
                String p = op.path().replaceFirst("\\{[^}]+}", seg).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                out.add(req("path-segment", op, p, token, null, op.body() == null ? null : "{}"));
            }
            for (String seg : DECODER_SEGMENTS) {
                out.add(req("percent-encoding", op, op.path().replaceFirst("\\{[^}]+}", seg).replaceAll("\\{[^}]+}", "x"), token, null, null));
            }
        }
        for (String q : op.query()) {
            for (int i = 0; i < 9; i++) {
                out.add(req("query-value", op, path + "?" + q + "=" + BAD_QUERY[rnd.nextInt(BAD_QUERY.length)], token, null, null));
            }
            out.add(req("percent-encoding", op, path + "?" + q + "=" + DECODER_SEGMENTS[rnd.nextInt(DECODER_SEGMENTS.length)], token, null,
                    null));
        }
        if (op.query().contains("page")) {
            out.add(req("overflow", op, path + "?page=2147483647&size=200", token, null, null));
            out.add(req("overflow", op, path + "?page=10737419&size=200", token, null, null));
            out.add(req("overflow", op, path + "?size=99999999999999999999", token, null, null));
        }
        for (String header : BAD_HEADERS) {
            out.add(req("bad-header", op, path, token, header, op.body() == null ? null : "{}"));
        }
        out.add(req("bad-header", op, path, "a.b.c", null, null));
        out.add(req("bad-header", op, path, token + "x", null, null));
        if (op.body() == null) {
            return;
        }
        List<String> fields = new ArrayList<>(op.body().keySet());
        for (String field : fields) {
            for (int i = 0; i < 7; i++) {
                out.add(req("wrong-type", op, path, token, null, "{\"" + field + "\":" + WRONG_TYPES[rnd.nextInt(WRONG_TYPES.length)] + "}"));
            }
            if ("string".equals(op.body().get(field))) {
                for (String bad : BAD_STRINGS) {
                    out.add(req("nul-surrogate", op, path, token, null, "{\"" + field + "\":" + bad + "}"));
                }
            } else {
                for (int i = 0; i < 3; i++) {
                    out.add(req("overflow", op, path, token, null, "{\"" + field + "\":" + BIG_NUMBERS[rnd.nextInt(BIG_NUMBERS.length)] + "}"));
                }
            }
        }
        String[] broken = {"", "{", "}", "[", "{\"a\":}", "{\"a\" 1}", "nul", "\"just a string\"", "[1,2,3]", "{\"a\":1,}", "{'a':1}",
                "{\"a\":1}{\"b\":2}", "\u00ff\u00fe{", "{\"a\":\"\u00c3\u0028\"}"};
        for (String b : broken) {
            out.add(req("broken-json", op, path, token, null, b));
        }
        out.add(req("deep", op, path, token, null, "[".repeat(5000) + "]".repeat(5000)));
        out.add(req("deep", op, path, token, null, "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)));
        out.add(req("huge", op, path, token, null, "{\"" + fields.get(0) + "\":\"" + "x".repeat(1_100_000) + "\"}"));
        out.add(new Req("chunked-oversize", op.method() + " " + path, chunked(op.method(), path, token, 1_200_000)));
        out.add(req("bad-header", op, path, token, "Content-Type: text/plain\r\n", "{}"));
        out.add(req("bad-header", op, path, token, "Content-Type: application/json; charset=ebcdic\r\n", "{}"));
        out.add(req("bad-header", op, path, token, "Content-Type: ;;;\r\n", "{}"));
        out.add(req("bad-header", op, path, token, "Content-Encoding: gzip\r\n", "{}"));
        out.add(req("bad-header", op, path, token, "Accept: image/png\r\n", "{}"));
        out.add(req("bad-header", op, path, "", null, "{}"));
    }

    private static Req req(String category, Op op, String target, String token, String extraHeaders, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null && body.startsWith("\u00ff")) {
            payload = body.getBytes(StandardCharsets.ISO_8859_1);
        }
        StringBuilder head = new StringBuilder(op.method()).append(' ').append(target).append(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        boolean ownType = extraHeaders != null && extraHeaders.startsWith("Content-Type");
        if (body != null && !ownType) {
            head.append("Content-Type: application/json\r\n");
        }
        if (extraHeaders != null) {
            head.append(extraHeaders);
        }
        head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(payload);
        String what = op.method() + " " + (target.length() > 120 ? target.substring(0, 120) : target)
                + (body == null ? "" : " " + (body.length() > 60 ? body.substring(0, 60) + "…" : body))
                + (extraHeaders == null ? "" : " [" + extraHeaders.strip() + "]");
        return new Req(category, what, bytes.toByteArray());
    }

    private static byte[] chunked(String method, String path, String token, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] piece = "x".repeat(65536).getBytes(StandardCharsets.ISO_8859_1);
        for (int sent = 0; sent < size; sent += piece.length) {
            out.writeBytes((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(piece);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
