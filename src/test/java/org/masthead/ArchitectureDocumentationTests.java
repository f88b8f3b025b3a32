package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * Keeps {@code docs/architecture/} true: Spring Modulith's Documenter writes the module diagram (PlantUML) and one
 * canvas per module from the code; this test refreshes the committed copies when the modules changed and renders
 * the overview diagram to SVG. On CI a stale copy fails the build instead, so the docs never lag the code.
 */
class ArchitectureDocumentationTests {

    private static final Path COMMITTED = Path.of("docs", "architecture");
    private static final Path GENERATED = Path.of("target", "architecture-docs");
    private static final String OVERVIEW = "components.puml";

    @Test
    void theCommittedModuleDiagramAndCanvasesMatchTheCode() throws IOException {
        deleteFolder(GENERATED);
        ApplicationModules modules = ApplicationModules.of(MastheadApplication.class);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeDocumentation(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML),
                        CanvasOptions.defaults());

        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(GENERATED)) {
            for (Path generated : files.sorted().toList()) {
                Path committed = COMMITTED.resolve(generated.getFileName());
                if (!Files.exists(committed) || !sameLines(generated, committed)) {
                    stale.add(generated.getFileName().toString());
                }
            }
        }
        Path svg = COMMITTED.resolve("modules.svg");
        boolean onCi = "true".equals(System.getenv("CI"));
        if (onCi) {
            assertThat(stale).as("docs/architecture is out of date: run the tests locally and commit it").isEmpty();
            assertThat(svg).exists();
        } else if (!stale.isEmpty() || !Files.exists(svg)) {
            Files.createDirectories(COMMITTED);
            for (String file : stale) {
                Files.copy(GENERATED.resolve(file), COMMITTED.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            renderSvg(COMMITTED.resolve(OVERVIEW), svg);
        }

        String overview = Files.readString(COMMITTED.resolve(OVERVIEW));
        modules.forEach(module -> {
            assertThat(overview).contains("==" + module.getDisplayName());
            assertThat(COMMITTED.resolve("module-" + module.getIdentifier() + ".adoc")).exists();
        });
        assertThat(Files.readString(svg)).startsWith("<svg").contains(">Content<").contains(">Reader<");
    }

    /** Same content: the Documenter lists relationships and beans in no fixed order from run to run. */
    private static boolean sameLines(Path generated, Path committed) throws IOException {
        return Files.readAllLines(generated).stream().sorted().toList()
                .equals(Files.readAllLines(committed).stream().sorted().toList());
    }

    /**
     * Renders with PlantUML's own Java layout engine, so no Graphviz is needed on any machine, after merging the
     * arrows between the same two modules ("uses", "listens to") into one, which keeps the picture readable.
     */
    private static void renderSvg(Path puml, Path svg) throws IOException {
        String source = mergeParallelArrows(Files.readString(puml))
                .replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
        try (OutputStream out = Files.newOutputStream(svg)) {
            new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
        }
        // PlantUML prefixes an XML declaration on some versions; the file is read as SVG either way
        String rendered = Files.readString(svg, StandardCharsets.UTF_8);
        if (rendered.startsWith("<?xml")) {
            Files.writeString(svg, rendered.substring(rendered.indexOf("?>") + 2).stripLeading());
        }
    }

    private static String mergeParallelArrows(String puml) {
        java.util.regex.Pattern arrow = java.util.regex.Pattern.compile("^(\\S+ --> \\S+ <<[^>]+>>) : \"([^\"]+)\"$");
        java.util.Map<String, java.util.Set<String>> labels = new java.util.LinkedHashMap<>();
        StringBuilder merged = new StringBuilder();
        for (String line : puml.split("\n")) {
            java.util.regex.Matcher matcher = arrow.matcher(line);
            if (matcher.matches()) {
                labels.computeIfAbsent(matcher.group(1), key -> new java.util.LinkedHashSet<>()).add(matcher.group(2));
            } else if (line.equals("@enduml")) {
                labels.forEach((edge, names) -> merged.append(edge).append(" : \"").append(String.join(", ", names))
                        .append("\"\n"));
                merged.append(line).append('\n');
            } else {
                merged.append(line).append('\n');
            }
        }
        return merged.toString();
    }

    private static void deleteFolder(Path folder) throws IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(folder);
    }
}
