package org.jekafo.app.census;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading census files as people save them, without the application: what records each file gives. */
class CensusFileTest {

    @TempDir
    Path folder;

    private final List<CensusFixtures.Member> members = CensusFixtures.members("", List.of("TB-900001", "TB-900002",
            "TB-900003"));

    @Test
    void utf8CommaCsvGivesEveryMemberWithTheLineWhereItStarts() throws IOException {
        List<CensusRecord> records = read(CensusFixtures.utf8Comma(folder, members));

        assertThat(records).extracting(CensusRecord::line).containsExactly(2, 3, 5);
        assertThat(records).extracting(CensusRecord::cells).containsExactlyElementsOf(
                members.stream().map(CensusFixtures.Member::cells).toList());
    }

    @Test
    void excelFranceCsvGivesTheSameRecordsWithAccentsAndIsoDates() throws IOException {
        Path file = CensusFixtures.excelFrance(folder, members);

        assertThat(read(file)).isEqualTo(read(CensusFixtures.utf8Comma(folder, members)));
        assertThat(Files.readAllBytes(file)).as("really Windows-1252").doesNotContain("é".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void utf8CsvWithByteOrderMarkGivesTheSameRecords() throws IOException {
        assertThat(read(CensusFixtures.utf8WithBom(folder, members)))
                .isEqualTo(read(CensusFixtures.utf8Comma(folder, members)));
    }

    @Test
    void workbookWithFrenchHeadersInAnotherOrderGivesTheSameCells() throws IOException {
        List<CensusRecord> records = read(CensusFixtures.workbook(folder, members));

        assertThat(records).extracting(CensusRecord::line).containsExactly(2, 3, 4);
        assertThat(records).extracting(CensusRecord::cells).containsExactlyElementsOf(
                members.stream().map(CensusFixtures.Member::cells).toList());
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        assertRefused(Files.write(folder.resolve("vide.csv"), new byte[0]), CensusFileException.EMPTY_FILE);
    }

    @Test
    void headerWithoutMembersIsRefused() throws IOException {
        assertRefused(Files.writeString(folder.resolve("entete.csv"), String.join(",", CensusFixtures.HEADER) + "\n"),
                CensusFileException.EMPTY_FILE);
    }

    @Test
    void randomBinaryIsRefused() throws IOException {
        byte[] noise = new byte[20_000];
        new Random(8).nextBytes(noise);
        assertRefused(Files.write(folder.resolve("photo.csv"), noise), CensusFileException.UNREADABLE_FILE);
    }

    @Test
    void oldExcelWorkbookIsRefused() throws IOException {
        byte[] xls = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, xls, 0, magic.length);
        assertRefused(Files.write(folder.resolve("recensement.xls"), xls), CensusFileException.OLD_EXCEL_FORMAT);
    }

    @Test
    void missingColumnsAreNamedInFrench() throws IOException {
        Path file = Files.writeString(folder.resolve("incomplet.csv"),
                "nom;prénom;sexe;région;section;métier\nTraoré;Aïssata;F;Tombouctou;Diré;TISSAGE\n");

        CensusFileException refusal = assertRefused(file, CensusFileException.MISSING_COLUMNS);
        assertThat(refusal.getMessage()).contains("« année de naissance », « téléphone »");
    }

    @Test
    void tableThatIsNotACensusIsRefused() throws IOException {
        assertRefused(Files.writeString(folder.resolve("budget.csv"), "poste,montant\nloyer,1000\n"),
                CensusFileException.NOT_A_CENSUS);
    }

    @Test
    void unclosedQuoteIsRefusedWithItsLine() throws IOException {
        List<String> lines = new ArrayList<>(List.of(String.join(",", CensusFixtures.HEADER)));
        members.forEach(m -> lines.add(String.join(",", m.cells()).replace("\n", " ")));
        lines.add("\"TB-900009,Coulibaly,Awa,F,1970,76000000,Tombouctou,Diré,TISSAGE,,non,");

        CensusFileException refusal = assertRefused(Files.write(folder.resolve("casse.csv"), lines),
                CensusFileException.UNREADABLE_FILE);
        assertThat(refusal.getMessage()).contains("ligne 5");
    }

    private static List<CensusRecord> read(Path file) throws IOException {
        CensusFile census = CensusFile.open(file);
        List<CensusRecord> records = new ArrayList<>();
        try (CensusFile.Records all = census.records()) {
            all.forEachRemaining(records::add);
        }
        assertThat(records).hasSize(census.size());
        return records;
    }

    private static CensusFileException assertRefused(Path file, String code) {
        CensusFileException refusal = catchThrowableOfType(CensusFileException.class, () -> CensusFile.open(file));
        assertThat(refusal).as("refusal of %s", file.getFileName()).isNotNull();
        assertThat(refusal.code()).isEqualTo(code);
        assertThat(refusal.getMessage()).endsWith(".").doesNotContain("\n");
        return refusal;
    }
}
