/**
 * Just enough of the ONNX protobuf schema (onnx/onnx.proto3) to write a small inference
 * graph: ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto.
 * Hand-written so the tests need no protobuf library; field numbers are the schema's.
 */

/** Protobuf wire types used here: varint (0), 32-bit (5), length-delimited (2). */
const VARINT = 0;
const LENGTH_DELIMITED = 2;

export const TensorType = { FLOAT: 1, INT64: 7 } as const;
const AttributeType = { INT: 2, INTS: 7 } as const;

function varint(value: number | bigint): number[] {
  // Negative int64 values are encoded as their 64-bit two's complement, as protobuf does.
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  return bytes;
}

/** One encoded message: a list of fields, concatenated. */
class Message {
  private readonly parts: Uint8Array[] = [];

  int(field: number, value: number | bigint): this {
    this.parts.push(Uint8Array.from([...varint((field << 3) | VARINT), ...varint(value)]));
    return this;
  }

  bytes(field: number, payload: Uint8Array): this {
    const header = [...varint((field << 3) | LENGTH_DELIMITED), ...varint(payload.length)];
    this.parts.push(Uint8Array.from(header), payload);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, inner: Message): this {
    return this.bytes(field, inner.encode());
  }

  encode(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((size, part) => size + part.length, 0));
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}

export interface OnnxTensor {
  name: string;
  dims: number[];
  type: 'float' | 'int64';
  values: readonly number[];
}

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  ints?: Record<string, number>;
  intLists?: Record<string, number[]>;
}

export interface OnnxValueInfo {
  name: string;
  type: 'float' | 'int64';
  /** A number is a fixed size, a string a symbolic one ('batch'). */
  shape: (number | string)[];
}

export interface OnnxGraph {
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  opset: number;
}

function tensorProto(tensor: OnnxTensor): Message {
  const message = new Message();
  for (const dim of tensor.dims) message.int(1, dim);
  message.int(2, tensor.type === 'float' ? TensorType.FLOAT : TensorType.INT64);
  message.string(8, tensor.name);
  // raw_data (9) is little-endian, the layout every ONNX runtime reads.
  const raw =
    tensor.type === 'float'
      ? new Uint8Array(Float32Array.from(tensor.values).buffer)
      : new Uint8Array(BigInt64Array.from(tensor.values.map((value) => BigInt(value))).buffer);
  return message.bytes(9, raw);
}

function nodeProto(node: OnnxNode, index: number): Message {
  const message = new Message();
  for (const input of node.inputs) message.string(1, input);
  for (const output of node.outputs) message.string(2, output);
  message.string(3, `${node.op.toLowerCase()}_${index}`).string(4, node.op);
  for (const [name, value] of Object.entries(node.ints ?? {}))
    message.message(5, new Message().string(1, name).int(3, value).int(20, AttributeType.INT));
  for (const [name, values] of Object.entries(node.intLists ?? {})) {
    const attribute = new Message().string(1, name);
    for (const value of values) attribute.int(8, value);
    message.message(5, attribute.int(20, AttributeType.INTS));
  }
  return message;
}

function valueInfoProto(info: OnnxValueInfo): Message {
  const shape = new Message();
  for (const dim of info.shape)
    shape.message(
      1,
      typeof dim === 'number' ? new Message().int(1, dim) : new Message().string(2, dim)
    );
  const elemType = info.type === 'float' ? TensorType.FLOAT : TensorType.INT64;
  const tensorType = new Message().int(1, elemType).message(2, shape);
  return new Message().string(1, info.name).message(2, new Message().message(1, tensorType));
}

/** The bytes of an `.onnx` file holding the graph. */
export function encodeOnnxModel(graph: OnnxGraph): Uint8Array {
  const graphMessage = new Message();
  graph.nodes.forEach((node, index) => graphMessage.message(1, nodeProto(node, index)));
  graphMessage.string(2, 'threadwatch_tiny');
  for (const tensor of graph.initializers) graphMessage.message(5, tensorProto(tensor));
  for (const input of graph.inputs) graphMessage.message(11, valueInfoProto(input));
  for (const output of graph.outputs) graphMessage.message(12, valueInfoProto(output));
  return new Message()
    .int(1, 8) // ir_version 8: understood by onnxruntime 1.14
    .string(2, 'threadwatch-tests')
    .message(7, graphMessage)
    .message(8, new Message().string(1, '').int(2, graph.opset))
    .encode();
}
