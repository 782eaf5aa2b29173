package org.jekafo.app.census;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The same census saved four ways imports to the same members: the first file registers them, the three
 * others are recognised as the same lines (already imported) with nothing rejected. A file that cannot be
 * imported registers nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CensusImportFormatsTest extends IntegrationTest {

    @Autowired
    CensusImport censusImport;

    TestApi api;
    Path folder;
    List<CensusFixtures.Member> members;

    @BeforeAll
    void prepare() throws IOException {
        api = connect();
        folder = Files.createTempDirectory("census-formats-");
        members = CensusFixtures.members(TestData.suffix(), List.of(TestData.uniqueCardNumber(),
                TestData.uniqueCardNumber(), TestData.uniqueCardNumber()));
    }

    @Test
    void sameCensusSavedFourWaysImportsToTheSameMembers() throws IOException {
        CensusImport.Result first = importFile(CensusFixtures.utf8Comma(folder, members));
        assertThat(first.registered()).isEqualTo(members.size());
        assertThat(first.rejections()).isEmpty();

        for (Path same : List.of(CensusFixtures.excelFrance(folder, members), CensusFixtures.utf8WithBom(folder, members),
                CensusFixtures.workbook(folder, members))) {
            CensusImport.Result again = importFile(same);
            assertThat(again.rejections()).as("rejections of %s", same.getFileName()).isEmpty();
            assertThat(again.alreadyImported()).as("already imported from %s", same.getFileName())
                    .isEqualTo(members.size());
            assertThat(again.registered()).isZero();
        }

        CensusFixtures.Member second = members.get(1);
        Map<String, Object> member = await().atMost(Duration.ofSeconds(60))
                .until(() -> api.memberByCard(second.card()), m -> m != null);
        assertThat(member).containsEntry("lastName", second.lastName()).containsEntry("firstName", "François");
    }

    @Test
    void fileWithMissingColumnsRegistersNothing() throws IOException {
        Path file = Files.writeString(folder.resolve("incomplet.csv"), "nom;prénom;sexe;région;section;métier\n"
                + "Coulibaly" + TestData.suffix() + ";Awa;F;Tombouctou;Diré;TISSAGE\n");
        long head = api.eventStoreHead();

        CensusFileException refusal = catchThrowableOfType(CensusFileException.class, () -> importFile(file));

        assertThat(refusal.code()).isEqualTo(CensusFileException.MISSING_COLUMNS);
        assertThat(api.eventStoreHead()).isEqualTo(head);
        assertThat(folder.resolve("rejets-incomplet.csv")).doesNotExist();
    }

    private CensusImport.Result importFile(Path file) throws IOException {
        return censusImport.importFile(file, folder.resolve("rejets-" + file.getFileName()), 4, progress -> { });
    }
}
