using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Serialization.Protobuf;
using static KubeLab.ControlPlane.Tests.Protobuf.CapturedBodies;

namespace KubeLab.ControlPlane.Tests.Protobuf;

/// <summary>Malformed bodies fail with <see cref="ProtobufFormatException"/> and say where and why.</summary>
public class ProtobufErrorTests
{
    [TestCase("", "empty data")]
    [TestCase("7b7d", "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]")]
    [TestCase("6b387300", "empty body")]
    public void Framing_errors_use_the_api_server_wording(string hex, string problem)
    {
        var error = Assert.Throws<ProtobufFormatException>(() => ProtobufBody.Decode(Bytes(hex), typeof(Namespace)))!;

        Assert.That(error.Problem, Is.EqualTo(problem));
    }

    [Test]
    public void Truncated_body_names_the_field_being_read()
    {
        var body = Bytes(CreateDeployment);

        var error = Assert.Throws<ProtobufFormatException>(() => ProtobufBody.Decode(body.AsSpan(0, 120), typeof(Deployment)))!;

        Assert.That(error.Message, Does.StartWith("protobuf: ").And.Contain("unexpected end of data").And.Contain("(at byte "));
    }

    [Test]
    public void Every_truncation_either_decodes_or_fails_cleanly()
    {
        var body = Bytes(CreateDeployment);
        var unexpected = new List<string>();
        for (var length = 0; length < body.Length; length++)
        {
            try
            {
                ProtobufBody.Decode(body.AsSpan(0, length), typeof(Deployment));
            }
            catch (ProtobufFormatException)
            {
                // The one failure a truncated body may cause.
            }
            catch (Exception e)
            {
                unexpected.Add($"{length} bytes: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.That(unexpected, Is.Empty);
    }

    [Test]
    public void Corrupted_bytes_never_escape_as_other_exceptions()
    {
        var random = new Random(20250101);
        var original = Bytes(CreateDeploymentMulti);
        var failures = 0;
        for (var i = 0; i < 3000; i++)
        {
            var body = (byte[])original.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--) body[random.Next(4, body.Length)] = (byte)random.Next(256);
            try
            {
                ProtobufBody.Decode(body, typeof(Deployment));
            }
            catch (ProtobufFormatException)
            {
                failures++;
            }
        }
        Assert.That(failures, Is.GreaterThan(0));
    }

    [Test]
    public void Wrong_wire_type_for_a_known_field()
    {
        var body = ProtoTestWriter.Body("v1", "Namespace", ns => ns.Message(1, meta => meta.Varint(1, 5)));

        var error = Assert.Throws<ProtobufFormatException>(() => ProtobufBody.Decode(body, typeof(Namespace)))!;

        Assert.That(error.Path, Is.EqualTo("metadata.name"));
        Assert.That(error.Problem, Is.EqualTo("wire type varint (0) where name needs length-delimited (2)"));
    }

    [TestCase(new byte[] { 0x0f, 0x00 }, "invalid wire type 7 for field 1")]
    [TestCase(new byte[] { 0x02, 0x00 }, "invalid field number 0 in key 0x2")]
    [TestCase(new byte[] { 0x48, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 }, "varint overflows 64 bits")]
    [TestCase(new byte[] { 0x48, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f }, "varint overflows 64 bits")]
    [TestCase(new byte[] { 0x48, 0xff }, "unexpected end of data inside a varint")]
    [TestCase(new byte[] { 0x0a, 0x05, 0x61 }, "unexpected end of data: a length-delimited value of 5 bytes needs 5 bytes, 1 remain")]
    [TestCase(new byte[] { 0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f }, "invalid length 4294967295")]
    [TestCase(new byte[] { 0x4b, 0x08, 0x01 }, "unexpected end of data inside group 9")]
    [TestCase(new byte[] { 0x4c }, "end-group 9 without a start-group")]
    public void Malformed_wire_data(byte[] objectBytes, string problem) // field 9 is unknown to Namespace
    {
        var body = new ProtoTestWriter().Raw("k8s\0"u8.ToArray()).Bytes(2, objectBytes).ToArray();

        var error = Assert.Throws<ProtobufFormatException>(() => ProtobufBody.Decode(body, typeof(Namespace)))!;

        Assert.That(error.Problem, Is.EqualTo(problem));
    }

    [Test]
    public void Unknown_groups_are_skipped()
    {
        var body = ProtoTestWriter.Body("v1", "Namespace", ns => ns.Raw(new byte[] { 0x4b, 0x08, 0x01, 0x53, 0x54, 0x4c }).Message(1, m => m.String(1, "x")));

        var decoded = ProtobufBody.Decode(body, typeof(Namespace));

        Assert.That(decoded.Object["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("x"));
        Assert.That(decoded.UnknownFields, Is.EqualTo(new[] { "unknown field 9 (start-group (3)) in Namespace" }));
    }

    [Test]
    public void Invalid_int_or_string_type()
    {
        var body = ProtoTestWriter.Body("v1", "Service", s => s.Message(2, spec => spec.Message(1, port => port.Int32(3, 80).Message(4, t => t.Int64(1, 2)))));

        var error = Assert.Throws<ProtobufFormatException>(() => ProtobufBody.Decode(body, typeof(Service)))!;

        Assert.That(error.Path, Is.EqualTo("spec.ports[0].targetPort"));
        Assert.That(error.Problem, Does.StartWith("impossible IntOrString.Type 2"));
    }

    [Test]
    public void Timestamp_out_of_range()
    {
        var body = ProtoTestWriter.Body("v1", "Namespace", ns => ns.Message(1, meta => meta.Message(8, t => t.Int64(1, long.MaxValue))));

        var error = Assert.Throws<ProtobufFormatException>(() => ProtobufBody.Decode(body, typeof(Namespace)))!;

        Assert.That(error.Path, Is.EqualTo("metadata.creationTimestamp"));
        Assert.That(error.Problem, Does.Contain("outside years 1 to 9999"));
    }
}
