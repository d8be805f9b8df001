package org.haochaping.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.haochaping.ContractProblemCodes;
import org.junit.jupiter.api.Test;

/**
 * The contract's error-code catalogue ({@code ProblemCode}) against what the server can answer: every
 * {@code problem.<CODE>.title} of the messages, every code the security layer, the error controller and
 * the exception handler write, and every code a {@code ProblemException} is thrown with. Which code each
 * operation answers is checked on every response of the API tests ({@code ApiContract}).
 */
class ProblemCodeCatalogueTests {

    private static final ContractProblemCodes CONTRACT = ContractProblemCodes.contract();

    /** Where problem responses are written outside the features' exceptions. */
    private static final List<String> PROBLEM_WRITERS = List.of(
            "system/web/ApiExceptionHandler.java", "system/web/ProblemErrorController.java",
            "system/web/RequestBodyLimit.java", "system/web/RejectedRequestProblem.java",
            "identity/ProblemSecurityResponses.java", "identity/ForbiddenException.java",
            "identity/NotSignedInException.java");

    /** A code handed to a problem: {@code super(HttpStatus.X, "CODE")}, {@code new XException("CODE")}, {@code problems.of(..., "CODE")}. */
    private static final Pattern THROWN_CODE = Pattern.compile(
            "HttpStatus\\.[A-Z_]+,\\s*\"([A-Z][A-Z0-9_]*)\"|Exception\\(\\s*\"([A-Z][A-Z0-9_]*)\"|problems\\.(?:of|invalid)\\([^;]*?\"([A-Z][A-Z0-9_]*)\"");

    private static final Path MAIN_SOURCES = Path.of("src/main/java/org/haochaping");

    @Test
    void every_problem_title_of_the_messages_is_a_catalogued_code() throws IOException {
        for (String bundle : List.of("i18n/messages.properties", "i18n/messages_en.properties")) {
            assertThat(CONTRACT.catalogue()).as("codes with a title in %s", bundle).containsAll(titledCodes(bundle));
        }
    }

    @Test
    void every_catalogued_code_has_a_title_in_both_languages() throws IOException {
        assertThat(titledCodes("i18n/messages.properties")).containsAll(CONTRACT.catalogue());
        assertThat(titledCodes("i18n/messages_en.properties")).containsAll(CONTRACT.catalogue());
    }

    @Test
    void every_code_the_security_layer_and_the_error_handlers_write_is_catalogued() throws IOException {
        Set<String> written = new TreeSet<>();
        Pattern literal = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
        for (String file : PROBLEM_WRITERS) {
            Matcher matcher = literal.matcher(Files.readString(MAIN_SOURCES.resolve(file)));
            while (matcher.find()) {
                written.add(matcher.group(1));
            }
        }
        assertThat(written).contains("UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "INTERNAL_ERROR");
        assertThat(CONTRACT.catalogue()).containsAll(written);
    }

    @Test
    void every_code_a_problem_is_thrown_with_is_catalogued() throws IOException {
        Set<String> thrown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = THROWN_CODE.matcher(Files.readString(file));
                while (matcher.find()) {
                    for (int group = 1; group <= matcher.groupCount(); group++) {
                        if (matcher.group(group) != null) {
                            thrown.add(matcher.group(group));
                        }
                    }
                }
            }
        }
        assertThat(thrown).hasSizeGreaterThan(40);
        assertThat(CONTRACT.catalogue()).containsAll(thrown);
    }

    @Test
    void the_codes_of_every_operation_and_the_common_codes_are_catalogued() {
        assertThat(CONTRACT.catalogue()).containsAll(CONTRACT.common());
        assertThat(CONTRACT.common()).contains("UNAUTHORIZED", "FORBIDDEN", "INVALID_INPUT", "INVALID_PARAMETER");
        CONTRACT.operations().forEach(operation ->
                assertThat(CONTRACT.catalogue()).as(operation.operationId()).containsAll(operation.codes()));
    }

    @Test
    void an_operation_is_found_by_method_and_path_template() {
        assertThat(CONTRACT.find("POST", "/api/v1/admin/bad-reviews/r-1234567890/appeal/decision").operationId())
                .isEqualTo("decideCaseAppeal");
        assertThat(CONTRACT.find("GET", "/api/v1/me/ratings").operationId()).isEqualTo("listMyRatings");
        assertThat(CONTRACT.find("GET", "/api/v1/campaigns/property-management/summary").operationId())
                .isEqualTo("getCampaignSummary");
        assertThat(CONTRACT.find("DELETE", "/api/v1/campaigns")).isNull();
    }

    private static Set<String> titledCodes(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemCodeCatalogueTests.class.getClassLoader().getResourceAsStream(bundle);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Set<String> codes = new TreeSet<>();
        Pattern title = Pattern.compile("problem\\.([A-Z][A-Z0-9_]*)\\.title");
        for (String key : properties.stringPropertyNames()) {
            Matcher matcher = title.matcher(key);
            if (matcher.matches()) {
                codes.add(matcher.group(1));
            }
        }
        return codes;
    }
}
