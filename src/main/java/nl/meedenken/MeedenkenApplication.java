package nl.meedenken;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MeedenkenApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeedenkenApplication.class, args);
    }
}
