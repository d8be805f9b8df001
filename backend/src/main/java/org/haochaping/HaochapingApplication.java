package org.haochaping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The backend: the residents' REST API on MongoDB. Deployed alone it is a stateless API node;
 * {@code admin-ui} runs this same configuration with the officials' console added.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HaochapingApplication {

    public static void main(String[] args) {
        SpringApplication.run(HaochapingApplication.class, args);
    }
}
