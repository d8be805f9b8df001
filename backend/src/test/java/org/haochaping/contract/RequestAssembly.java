package org.haochaping.contract;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haochaping.contract.ContractOperations.In;
import org.haochaping.contract.ContractOperations.Op;
import org.haochaping.contract.ContractOperations.Slot;
import org.haochaping.contract.ValidRequests.Base;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;

import tools.jackson.databind.json.JsonMapper;

/** Turns a valid request and one mutation into the HTTP request MockMvc sends. */
final class RequestAssembly {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Whole-request changes that send an upload as something else than multipart. */
    private static final Set<String> NOT_MULTIPART = Set.of("JSON instead of a file", "no body",
            "method the contract does not have");

    private RequestAssembly() {
    }

    static Object valueOf(Base base, Slot slot) {
        Object value = parts(base, slot.in()) == null ? null : parts(base, slot.in()).get(slot.name());
        return value == null ? Mutation.ABSENT : value;
    }

    /** Changes to the request as a whole, for the kind of body the operation takes. */
    static List<Mutation> wholeRequestMutations(Op op) {
        List<Mutation> mutations = new ArrayList<>(List.of(
                Mutation.whole("unknown query parameter", false),
                Mutation.whole("asks for XML", false),
                Mutation.whole("method the contract does not have", true)));
        if (op.hasJsonBody()) {
            for (String kind : List.of("malformed JSON", "JSON null", "JSON array", "empty body", "unknown field",
                    "duplicate key", "content type text/plain", "form content type", "no content type", "oversize body",
                    "invalid UTF-8", "trailing garbage")) {
                mutations.add(Mutation.whole(kind, true));
            }
        } else if (op.hasTextBody()) {
            for (String kind : List.of("empty body", "content type text/plain", "no content type", "oversize body")) {
                mutations.add(Mutation.whole(kind, true));
            }
        } else if (op.bodyType() != null) {
            for (String kind : List.of("no file part", "file under another name", "JSON instead of a file", "no body")) {
                mutations.add(Mutation.whole(kind, true));
            }
            mutations.add(Mutation.whole("empty file", false));
            mutations.add(Mutation.whole("not an image", false));
        }
        return mutations;
    }

    static AbstractMockHttpServletRequestBuilder<?> build(Op op, Base base, Mutation mutation) {
        Map<String, Object> path = new HashMap<>(base.path());
        Map<String, Object> query = new LinkedHashMap<>(base.query());
        Map<String, Object> headers = new LinkedHashMap<>(base.headers());
        Object body = base.body() instanceof Map<?, ?> json ? new LinkedHashMap<>(json) : base.body();
        String whole = mutation != null && mutation.slot() == null ? mutation.label() : "";
        if (mutation != null && mutation.slot() != null) {
            Map<String, Object> target = switch (mutation.slot().in()) {
                case PATH -> path;
                case QUERY -> query;
                case HEADER -> headers;
                case BODY -> castBody(body);
            };
            if (mutation.value() == Mutation.ABSENT) {
                target.remove(mutation.slot().name());
            } else {
                target.put(mutation.slot().name(), mutation.value());
            }
        }
        // No operation of the contract is a PATCH (DELETE /api/v1/me is one, so it cannot stand for "no such method").
        HttpMethod method = whole.equals("method the contract does not have") ? HttpMethod.PATCH : HttpMethod.valueOf(op.method());
        URI uri = uri(op.path(), path);
        boolean multipart = op.bodyType() != null && !op.hasJsonBody() && !op.hasTextBody() && !NOT_MULTIPART.contains(whole);
        AbstractMockHttpServletRequestBuilder<?> request = multipart ? upload(uri, (byte[]) body, whole) : request(method, uri);
        if (op.hasJsonBody()) {
            jsonBody(request, castBody(body), whole);
        } else if (op.hasTextBody()) {
            textBody(request, (String) body, op.bodyType(), whole);
        } else if (whole.equals("JSON instead of a file")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"file\":\"abc\"}");
        }
        query.forEach((name, value) -> request.param(name, text(value)));
        headers.forEach((name, value) -> request.header(name, text(value)));
        if (whole.equals("unknown query parameter")) {
            request.param("isAdmin", "true");
        }
        if (whole.equals("asks for XML")) {
            request.accept(MediaType.APPLICATION_XML);
        }
        return request;
    }

    private static AbstractMockHttpServletRequestBuilder<?> upload(URI uri, byte[] photo, String whole) {
        var upload = multipart(uri);
        switch (whole) {
            case "no file part" -> upload.param("note", "no file");
            case "file under another name" -> upload.file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", photo));
            case "empty file" -> upload.file(new MockMultipartFile("file", "p.jpg", "image/jpeg", new byte[0]));
            case "not an image" -> upload.file(new MockMultipartFile("file", "p.jpg", "image/jpeg",
                    "不是图片".getBytes(StandardCharsets.UTF_8)));
            default -> upload.file(new MockMultipartFile("file", "p.jpg", "image/jpeg", photo));
        }
        return upload;
    }

    private static void textBody(AbstractMockHttpServletRequestBuilder<?> request, String body, String type, String whole) {
        byte[] content = switch (whole) {
            case "empty body" -> new byte[0];
            case "oversize body" -> utf8(body + "x".repeat(70_000));
            default -> utf8(body);
        };
        if (!whole.equals("no content type")) {
            request.contentType(whole.equals("content type text/plain") ? MediaType.TEXT_PLAIN_VALUE : type);
        }
        request.content(content);
    }

    private static void jsonBody(AbstractMockHttpServletRequestBuilder<?> request, Map<String, Object> body, String whole) {
        String json = escapeUnpairedSurrogates(JSON.writeValueAsString(body));
        String contentType = switch (whole) {
            case "content type text/plain" -> MediaType.TEXT_PLAIN_VALUE;
            case "form content type" -> MediaType.APPLICATION_FORM_URLENCODED_VALUE;
            default -> MediaType.APPLICATION_JSON_VALUE;
        };
        byte[] content = switch (whole) {
            case "malformed JSON" -> utf8(json.substring(0, json.length() / 2));
            case "JSON null" -> utf8("null");
            case "JSON array" -> utf8("[" + json + "]");
            case "empty body" -> new byte[0];
            case "unknown field" -> utf8(json.replaceFirst("\\{", "{\"isAdmin\":true,"));
            case "duplicate key" -> utf8(json.replaceFirst("\\{", "{\"campaignCode\":\"x\",\"formVersion\":1,\"comment\":\"x\","));
            case "oversize body" -> utf8(json.replaceFirst("\\{", "{\"comment\":\"" + "x".repeat(70_000) + "\","));
            case "invalid UTF-8" -> invalidUtf8(json);
            case "trailing garbage" -> utf8(json + "}]");
            default -> utf8(json);
        };
        if (!whole.equals("no content type")) {
            request.contentType(contentType);
        }
        request.content(content);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castBody(Object body) {
        return body instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    private static Map<String, Object> parts(Base base, In in) {
        return switch (in) {
            case PATH -> base.path();
            case QUERY -> base.query();
            case HEADER -> base.headers();
            case BODY -> base.body() instanceof Map<?, ?> ? castBody(base.body()) : null;
        };
    }

    /** Fills every {@code {name}} of the path; a parameter left out leaves its segment empty. */
    private static URI uri(String template, Map<String, Object> path) {
        Matcher placeholder = PATH_PARAMETER.matcher(template);
        return URI.create(placeholder.replaceAll(match -> {
            Object value = path.get(match.group(1));
            return Matcher.quoteReplacement(value == null ? "" : UriUtils.encodePathSegment(text(value), StandardCharsets.UTF_8));
        }));
    }

    /** Parameters and headers carry the unpaired surrogate itself; JSON carries it escaped. */
    private static String text(Object value) {
        return String.valueOf(value).replace(Mutation.UNPAIRED_SURROGATE, "\uD800");
    }

    private static String escapeUnpairedSurrogates(String json) {
        return json.replace(Mutation.UNPAIRED_SURROGATE, "\\ud800x");
    }

    private static byte[] invalidUtf8(String json) {
        byte[] valid = utf8(json);
        byte[] invalid = new byte[valid.length + 2];
        int quote = json.indexOf(':') + 2;
        System.arraycopy(valid, 0, invalid, 0, quote);
        invalid[quote] = (byte) 0xC3;
        invalid[quote + 1] = (byte) 0x28;
        System.arraycopy(valid, quote, invalid, quote + 2, valid.length - quote);
        return invalid;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
