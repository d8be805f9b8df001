package org.haochaping.campaign;

import java.util.List;

import org.haochaping.system.SeedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo subjects (compounds, the 57 illegal-construction projects, the service items) on
 * first start; like the campaigns, only those not stored yet, so officials' changes stay.
 */
@Component
class SubjectSeed implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SubjectSeed.class);

    private final Subjects subjects;
    private final JsonMapper json;
    private final Resource file;

    SubjectSeed(Subjects subjects, JsonMapper json,
            @Value("${haochaping.seed.subjects:classpath:seed/subjects.json}") Resource file) {
        this.subjects = subjects;
        this.json = json;
        this.file = file;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Subject> missing = List.of(SeedFiles.read(json, file, Subject[].class)).stream()
                .filter(subject -> !subjects.existsById(subject.id()))
                .toList();
        if (!missing.isEmpty()) {
            subjects.insert(missing);
            log.info("Loaded {} demo subjects from {}", missing.size(), file.getDescription());
        }
    }
}
