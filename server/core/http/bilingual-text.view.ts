import { IsString } from 'class-validator';

/** Text in both of the programme's languages (Vietnamese first). */
export class BilingualTextView {
  @IsString() vi!: string;
  @IsString() en!: string;
}
