import {
  GraphQLError,
  GraphQLScalarType,
  Kind,
  valueFromASTUntyped,
  type ValueNode,
} from 'graphql';

interface IntegerRange {
  name: string;
  min: number;
  max: number;
  /** How a value out of range is described in the error. */
  description: string;
}

function inRange(range: IntegerRange, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new GraphQLError(`${range.name} must be ${range.description}, got ${String(value)}`);
  }
  if (value < range.min || value > range.max) {
    throw new GraphQLError(`${range.name} must be ${range.description}, got ${value}`);
  }
  return value;
}

/**
 * An integer scalar of Blocklet Server's protobuf-derived schema. Inputs are held to the
 * range. Outputs are any non-negative safe integer: a busy day's bandwidth passes 2^32 bytes,
 * and a JSON number carries it whole to the JavaScript client, where an error would lose the
 * whole answer and a clamp would report a wrong figure.
 */
function integerScalar(range: IntegerRange): GraphQLScalarType<number, number> {
  return new GraphQLScalarType<number, number>({
    name: range.name,
    serialize(value) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new GraphQLError(`${range.name} cannot represent ${String(value)}`);
      }
      return value;
    },
    parseValue: (value) => inRange(range, value),
    parseLiteral(node: ValueNode) {
      if (node.kind !== Kind.INT) {
        throw new GraphQLError(`${range.name} must be ${range.description}`, { nodes: node });
      }
      return inRange(range, Number(node.value));
    },
  });
}

export const Uint32 = integerScalar({
  name: 'Uint32',
  min: 0,
  max: 0xffff_ffff,
  description: 'an integer from 0 to 4294967295',
});

export const Int32 = integerScalar({
  name: 'Int32',
  min: -0x8000_0000,
  max: 0x7fff_ffff,
  description: 'a 32-bit integer',
});

/** Free JSON (backup and passport metadata), as stored. */
export const Any = new GraphQLScalarType({
  name: 'Any',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node) => valueFromASTUntyped(node),
});
