using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetTui.Core.Review;

/// <summary>
/// Every review of a task, oldest first, in <c>fleet/reviews/&lt;task&gt;.json</c> under the common git dir (0600 in a
/// 0700 folder): what was asked of the agent, and the verdicts. Written atomically (temp + rename).
/// </summary>
public sealed class ReviewHistory(string fleetDir)
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string PathFor(string task) => Path.Combine(fleetDir, "reviews", $"{task}.json");

    public IReadOnlyList<ReviewRound> Read(string task)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(PathFor(task)), ReviewJsonContext.Default.ListReviewRound) ?? [];
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public void Append(string task, ReviewRound round)
    {
        var rounds = Read(task).Append(round).ToList();
        var path = PathFor(task);
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        using (var stream = new FileStream(temp, options))
            JsonSerializer.Serialize(stream, rounds, ReviewJsonContext.Default.ListReviewRound);
        File.Move(temp, path, overwrite: true);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<ReviewRound>))]
internal sealed partial class ReviewJsonContext : JsonSerializerContext;
