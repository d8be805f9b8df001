package org.haochaping;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.haochaping.identity.Tokens;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a fresh embedded store in its own data directory, or on the MongoDB
 * that {@code SPRING_MONGODB_URI} names (then the embedded store does not start).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"haochaping.data-dir=target/test-data/${random.uuid}", "haochaping.report.monthly-catch-up=false"})
@AutoConfigureMockMvc
@Import(Tokens.class)
public @interface IntegrationTest {
}
