// Replays live-Okta recordings against the emulator: same statuses, same body shapes, same headers of note.
import { learnIds, mapIds, shapeDifferences, type IdMap } from "./helpers/shape-compare";
import { readRecording, recordingFiles, type Interaction } from "./helpers/recordings";
import { useEmulator } from "./helpers/running-emulator";

const ctx = useEmulator();

/**
 * Recorded requests the replay knowingly skips, with the reason. Each entry must still match a
 * recorded request, so stale entries fail. Every recorded endpoint (including the Terraform
 * provider's internal idToken call and org discovery) is emulated; what is skipped here is an
 * artefact of recording, not a missing endpoint.
 */
const SKIPPED: { file: string; id: number; method: string; reason: string }[] = [
  {
    file: "TestAccResourceOktaAdminRoleTargets_crud.classic.json",
    id: 7,
    method: "GET",
    reason: "recorded out of order: this GET of the user's roles ran concurrently with the POST recorded as #8 and already saw its APP_ADMIN; replayed one by one it cannot",
  },
];

const files = recordingFiles();

function isSkipped(file: string, interaction: Interaction): boolean {
  return SKIPPED.some((skip) => skip.file === file && skip.id === interaction.id && skip.method === interaction.method);
}

async function replay(interaction: Interaction, ids: IdMap): Promise<string[]> {
  const recordedUrl = new URL(interaction.url);
  const body = mapIds(interaction.requestBody, ids);
  const headers: Record<string, string> = { accept: "application/json", authorization: `SSWS ${ctx.emulator.apiToken}` };
  if (body !== "") headers["content-type"] = "application/json";
  const response = await fetch(ctx.emulator.url + mapIds(recordedUrl.pathname + recordedUrl.search, ids), { method: interaction.method, headers, body: body === "" ? undefined : body });
  const text = await response.text();
  const where = `#${interaction.id} ${interaction.method} ${recordedUrl.pathname}`;
  if (response.status !== interaction.status) return [`${where}: status ${interaction.status} recorded, ${response.status} from the emulator: ${text.slice(0, 200)}`];
  const differences: string[] = [];
  const recordedLink = interaction.responseHeaders.Link !== undefined;
  if (recordedLink !== response.headers.has("link")) differences.push(`${where}: Link header ${recordedLink ? "missing" : "unexpected"}`);
  const recordedJson = interaction.responseHeaders["Content-Type"]?.[0]?.startsWith("application/json") ?? false;
  if (recordedJson !== (response.headers.get("content-type")?.startsWith("application/json") ?? false)) differences.push(`${where}: Content-Type differs`);
  if (interaction.responseBody === "") return text === "" ? differences : [...differences, `${where}: unexpected body ${text.slice(0, 100)}`];
  const recorded: unknown = JSON.parse(interaction.responseBody);
  const actual: unknown = JSON.parse(text);
  differences.push(...shapeDifferences(recorded, actual, ids, recordedUrl.origin).map((difference) => `${where}: ${difference}`));
  learnIds(recorded, actual, ids);
  return differences;
}

describe("replaying live Okta recordings", () => {
  it("finds the recordings", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)("answers %s as Okta did", async (file) => {
    ctx.emulator.loadSeed({});
    const ids: IdMap = new Map();
    const differences: string[] = [];
    let replayed = 0;
    for (const interaction of readRecording(file)) {
      if (isSkipped(file, interaction)) continue;
      differences.push(...(await replay(interaction, ids)));
      replayed += 1;
    }
    expect(differences).toEqual([]);
    expect(replayed).toBeGreaterThan(0);
  });

  it("skips only requests it lists, and every listed skip is still recorded", () => {
    for (const skip of SKIPPED) {
      const matched = files.includes(skip.file) && readRecording(skip.file).some((interaction) => isSkipped(skip.file, interaction));
      expect({ skip: `${skip.file}#${skip.id}`, matched }).toEqual({ skip: `${skip.file}#${skip.id}`, matched: true });
    }
    expect(SKIPPED.length).toBeLessThanOrEqual(3);
  });
});
