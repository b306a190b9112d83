using Google.Protobuf;

namespace MapScope.Evidence.Pprof;

/// <summary>
/// Turns the wire message into the plain model, checking everything pprof's CheckValid checks plus every
/// string-table index, so later code never meets a dangling reference.
/// </summary>
internal static class ProtoDecoder
{
    public static Profile Decode(ReadOnlySpan<byte> data, ProfileEncoding encoding)
    {
        if (data.IsEmpty) throw new ProfileFormatException("empty input: not a profile");
        var (message, samples) = FastProfileParser.Parse(data);
        return Convert(message, samples, encoding);
    }

    /// <summary>The same decode with Google.Protobuf's generated parser for everything, samples included.</summary>
    internal static Profile DecodeWithGeneratedParser(ReadOnlySpan<byte> data, ProfileEncoding encoding)
    {
        Proto.Profile message;
        try
        {
            message = Proto.Profile.Parser.ParseFrom(data);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ProfileFormatException($"not a valid profile.proto message ({BoundedInput.OneLine(e.Message)})", e);
        }
        return Convert(message, RawSamples.From(message.Sample), encoding);
    }

    private static Profile Convert(Proto.Profile m, RawSamples raw, ProfileEncoding encoding)
    {
        var strings = new StringTable(m.StringTable);

        var sampleTypes = new ValueType[m.SampleType.Count];
        for (int i = 0; i < sampleTypes.Length; i++)
            sampleTypes[i] = ValueTypeOf(m.SampleType[i], strings, $"sample_type[{i}]");

        var mappings = new Mapping[m.Mapping.Count];
        var mappingById = new Dictionary<ulong, Mapping>(mappings.Length);
        for (int i = 0; i < mappings.Length; i++)
        {
            var x = m.Mapping[i];
            if (x.Id == 0) throw new ProfileFormatException($"mapping[{i}] has the reserved id 0");
            var mapping = new Mapping(x.Id, x.MemoryStart, x.MemoryLimit, x.FileOffset,
                strings.Get(x.Filename, "mapping filename"), strings.Get(x.BuildId, "mapping build_id"),
                x.HasFunctions, x.HasFilenames, x.HasLineNumbers, x.HasInlineFrames);
            if (!mappingById.TryAdd(x.Id, mapping)) throw new ProfileFormatException($"duplicate mapping id {x.Id}");
            mappings[i] = mapping;
        }

        var functions = new Function[m.Function.Count];
        var functionById = new IdIndex<Function>(functions.Length, "function");
        for (int i = 0; i < functions.Length; i++)
        {
            var x = m.Function[i];
            var f = new Function(x.Id, strings.Get(x.Name, "function name"), strings.Get(x.SystemName, "function system_name"),
                strings.Get(x.Filename, "function filename"), x.StartLine);
            functionById.Add(x.Id, f);
            functions[i] = f;
        }
        functionById.Seal();

        var locations = new Location[m.Location.Count];
        var locationById = new IdIndex<Location>(locations.Length, "location");
        for (int i = 0; i < locations.Length; i++)
        {
            var x = m.Location[i];
            Mapping? mapping = null;
            if (x.MappingId != 0 && !mappingById.TryGetValue(x.MappingId, out mapping))
                throw new ProfileFormatException($"location {x.Id} refers to mapping id {x.MappingId}, which is not in the profile");
            var lines = x.Line.Count == 0 ? [] : new Line[x.Line.Count];
            for (int j = 0; j < lines.Length; j++)
            {
                var ln = x.Line[j];
                var f = functionById.Find(ln.FunctionId)
                    ?? throw new ProfileFormatException($"location {x.Id} refers to function id {ln.FunctionId}, which is not in the profile");
                lines[j] = new Line(f, ln.Line_, ln.Column);
            }
            var loc = new Location(x.Id, mapping, x.Address, lines, x.IsFolded);
            locationById.Add(x.Id, loc);
            locations[i] = loc;
        }
        locationById.Seal();

        var labelCache = new Dictionary<RawLabel, Label>();
        var singleLabels = new Dictionary<RawLabel, Label[]>();
        var samples = new Sample[raw.Samples.Count];
        var ids = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(raw.LocationIds);
        int typeCount = sampleTypes.Length;
        if (typeCount == 0 && samples.Length != 0)
            throw new ProfileFormatException($"profile has {samples.Length} samples but no sample types");
        for (int i = 0; i < samples.Length; i++)
        {
            var x = raw.Samples[i];
            if (x.Values.Length != typeCount)
                throw new ProfileFormatException($"sample {i} has {x.Values.Length} values but the profile has {typeCount} sample types");

            var stack = x.IdCount == 0 ? [] : new Location[x.IdCount];
            for (int j = 0; j < stack.Length; j++)
            {
                ulong id = ids[x.IdStart + j];
                stack[j] = locationById.Find(id)
                    ?? throw new ProfileFormatException($"sample {i} refers to location id {id}, which is not in the profile");
            }

            Label[] labels = [];
            if (x.Labels.Length == 1 && singleLabels.TryGetValue(x.Labels[0], out var shared)) labels = shared;
            else if (x.Labels.Length != 0)
            {
                labels = new Label[x.Labels.Length];
                for (int j = 0; j < labels.Length; j++) labels[j] = LabelOf(x.Labels[j]);
                // Heap profiles repeat the same few block sizes across many samples: share those arrays.
                if (labels.Length == 1 && singleLabels.Count < 4096) singleLabels[x.Labels[0]] = labels;
            }
            samples[i] = new Sample(stack, x.Values, labels);
        }

        Label LabelOf(RawLabel l)
        {
            if (labelCache.TryGetValue(l, out var label)) return label;
            var name = strings.Get(l.Key, "label key");
            label = l.Str != 0
                ? Label.String(name, strings.Get(l.Str, "label value"))
                : Label.Number(name, l.Num, strings.Get(l.NumUnit, "label unit"));
            if (labelCache.Count < 4096) labelCache[l] = label;
            return label;
        }

        var comments = new string[m.Comment.Count];
        for (int i = 0; i < comments.Length; i++) comments[i] = strings.Get(m.Comment[i], "comment");

        return new Profile
        {
            SampleTypes = sampleTypes,
            Samples = samples,
            Locations = locations,
            Functions = functions,
            Mappings = mappings,
            DefaultSampleType = strings.Get(m.DefaultSampleType, "default_sample_type"),
            PeriodType = m.PeriodType is null ? null : ValueTypeOf(m.PeriodType, strings, "period_type"),
            Period = m.Period,
            TimeNanos = m.TimeNanos,
            DurationNanos = m.DurationNanos,
            DropFrames = strings.Get(m.DropFrames, "drop_frames"),
            KeepFrames = strings.Get(m.KeepFrames, "keep_frames"),
            Comments = comments,
            DocUrl = strings.Get(m.DocUrl, "doc_url"),
            Encoding = encoding,
        };
    }

    private static ValueType ValueTypeOf(Proto.ValueType v, StringTable strings, string what) =>
        new(strings.Get(v.Type, what + " type"), strings.Get(v.Unit, what + " unit"));

    private readonly struct StringTable
    {
        private readonly Google.Protobuf.Collections.RepeatedField<string> _table;

        public StringTable(Google.Protobuf.Collections.RepeatedField<string> table)
        {
            if (table.Count == 0) throw new ProfileFormatException("profile has no string table (not a profile?)");
            if (table[0].Length != 0) throw new ProfileFormatException("string_table[0] must be the empty string (not a profile?)");
            _table = table;
        }

        public string Get(long index, string what)
        {
            if ((ulong)index >= (ulong)_table.Count)
                throw new ProfileFormatException($"{what} uses string index {index}, outside the string table of {_table.Count} entries");
            return _table[(int)index];
        }
    }

    /// <summary>
    /// id -> object. Go numbers locations and functions 1..n, so a dense array is tried first; sparse ids
    /// fall back to a dictionary.
    /// </summary>
    private sealed class IdIndex<T>(int count, string kind) where T : class
    {
        private readonly Dictionary<ulong, T> _byId = new(count);
        private T?[]? _dense;

        public void Add(ulong id, T value)
        {
            if (id == 0) throw new ProfileFormatException($"a {kind} has the reserved id 0");
            if (!_byId.TryAdd(id, value)) throw new ProfileFormatException($"duplicate {kind} id {id}");
        }

        public void Seal()
        {
            ulong max = 0;
            foreach (var id in _byId.Keys) max = Math.Max(max, id);
            if (max > (ulong)Math.Max(1024, count * 2L)) return;
            _dense = new T?[max + 1];
            foreach (var (id, v) in _byId) _dense[id] = v;
        }

        public T? Find(ulong id)
        {
            if (_dense is { } d) return id < (ulong)d.Length ? d[id] : null;
            return _byId.GetValueOrDefault(id);
        }
    }
}
