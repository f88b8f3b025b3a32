package org.masthead;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class MastheadApplication {

    public static void main(String[] args) {
        if (args.length > 0 && org.masthead.archive.ArchiveCommandLine.COMMANDS.contains(args[0])) {
            System.exit(org.masthead.archive.ArchiveCommandLine.run(MastheadApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(MastheadApplication.class, args);
    }
}
